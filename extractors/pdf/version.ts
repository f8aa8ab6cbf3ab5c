/** The PDF extractor's version: a change in what it exports bumps it. Its own module so that the pipeline knows it without loading pdfjs-dist. */
export const PDF_EXTRACTOR = { name: 'pdf', version: '1.9.0' } as const;
