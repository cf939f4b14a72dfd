/** The Swagger UI page at /api/docs; scripts are files (no inline script), so a strict CSP can apply. */
export const docsPageHtml = ({ api, version }: { api: string; version: string }): string => {
  const asset = (name: string) => `${api}/docs/${name}?v=${encodeURIComponent(version)}`
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API docs · Kitsu &amp; FrankenJet</title>
    <link rel="stylesheet" href="${asset('swagger-ui.css')}" />
    <link rel="stylesheet" href="${asset('index.css')}" />
    <link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}" sizes="32x32" />
    <link rel="icon" type="image/png" href="${asset('favicon-16x16.png')}" sizes="16x16" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${asset('swagger-ui-bundle.js')}"></script>
    <script src="${asset('swagger-ui-standalone-preset.js')}"></script>
    <script src="${api}/docs/init.js"></script>
  </body>
</html>
`
}

/** Points Swagger UI at the document; served as a script of its own. */
export const docsInitScript = ({ api }: { api: string }): string => `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(`${api}/openapi.json`)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  })
})
`
