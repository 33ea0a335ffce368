/// The Mustache template of `grdp report`: one self-contained HTML page (inline styles and
/// SVG, one inline script that only records errors into the DOM; no external font, script,
/// image or link), with a print stylesheet for A4 pages.
enum HTMLReportTemplate {
    static let page = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="grdp {{toolVersion}}">
    <title>{{title}}</title>
    <script>
    window.addEventListener("error", function (event) {
      document.documentElement.setAttribute("data-errors", (document.documentElement.getAttribute("data-errors") || "") + event.message + ";");
    });
    document.addEventListener("DOMContentLoaded", function () { document.documentElement.setAttribute("data-loaded", "yes"); });
    </script>
    <style>
    {{{stylesheet}}}
    </style>
    </head>
    <body>
    <header>
      <p class="kicker">GRDP growth simulation · {{scenario}}</p>
      <h1>{{title}}</h1>
      <div class="headline">
        {{#figures}}<div class="figure"><span class="value">{{value}}</span><span class="caption">{{caption}}</span></div>{{/figures}}
      </div>
    </header>
    <section id="summary" class="summary">
      <h2>Summary</h2>
      {{#summary}}<p>{{.}}</p>
      {{/summary}}
    </section>
    {{#charts}}
    <section id="section-{{id}}" class="chart-section">
      <h2>{{heading}}</h2>
      <p class="explain">{{explanation}}</p>
      {{{svg}}}
    </section>
    {{/charts}}
    <section id="inputs" class="table-section">
      <h2>The sampled inputs</h2>
      <p class="explain">Every uncertain number of the run: the distribution it is drawn from, its mean and 90 % range, and where it comes from (abridged; the scenario file has the full text).</p>
      <table class="inputs">
        <colgroup><col class="input"><col class="distribution"><col class="number"><col class="number"><col class="number"><col class="source"></colgroup>
        <thead><tr><th>Input</th><th>Distribution</th><th class="num">Mean</th><th class="num">P5</th><th class="num">P95</th><th>Source</th></tr></thead>
        <tbody>
        {{#inputs}}<tr><td class="id">{{id}}</td><td>{{distribution}}</td><td class="num">{{mean}}</td><td class="num">{{p5}}</td><td class="num">{{p95}}</td><td class="source">{{source}}</td></tr>
        {{/inputs}}
        </tbody>
      </table>
    </section>
    {{#tables}}
    <section id="table-{{id}}" class="table-section">
      <h2>{{title}}</h2>
      <table>
        <thead><tr>{{#columns}}<th class="{{align}}">{{header}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}<tr>{{#cells}}<td class="{{align}}">{{text}}</td>{{/cells}}</tr>
        {{/rows}}
        </tbody>
      </table>
      {{#notes}}<p class="note">{{.}}</p>{{/notes}}
    </section>
    {{/tables}}
    <footer>
      <p>grdp {{toolVersion}} · output schema {{schemaVersion}} · scenario {{scenario}} (SHA-256 {{scenarioHash}}) · {{draws}} draws, {{sampling}}, seed {{seed}} · {{dataset}}</p>
      <p>Reproduce: <code>grdp report {{scenarioArgument}}--draws {{draws}} --seed {{seed}} --sampling {{sampling}}</code></p>
    </footer>
    </body>
    </html>

    """

    static let stylesheet = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 820px; padding: 28px 24px 40px; color: #1f2933; background: #fff;
           font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    h1 { font-size: 26px; line-height: 1.2; margin: 4px 0 16px; }
    h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 1px solid #e4e7eb; padding-bottom: 4px; }
    .kicker { margin: 0; color: #616e7c; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; }
    .headline { display: flex; flex-wrap: wrap; gap: 10px; }
    .figure { flex: 1 1 150px; border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 12px; background: #f5f7fa; }
    .figure .value { display: block; font-size: 22px; font-weight: 650; color: #08519c; }
    .figure .caption { display: block; font-size: 12px; color: #52606d; }
    .summary p { margin: 8px 0; }
    .explain { color: #52606d; font-size: 13px; margin: 2px 0 8px; }
    svg.chart { display: block; width: 100%; height: auto; }
    table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
    th, td { padding: 3px 6px; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
    th { background: #f5f7fa; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 11.5px; }
    td.source { color: #52606d; font-size: 11.5px; }
    table.inputs { table-layout: fixed; }
    table.inputs td, table.inputs th { overflow-wrap: anywhere; }
    table.inputs col.input { width: 23%; } table.inputs col.distribution { width: 17%; }
    table.inputs col.number { width: 7.5%; } table.inputs col.source { width: 37.5%; }
    .note { color: #52606d; font-size: 12px; margin: 4px 0; }
    footer { margin-top: 32px; color: #616e7c; font-size: 12px; border-top: 1px solid #e4e7eb; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 11.5px; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      h1 { font-size: 18pt; }
      h2 { font-size: 13pt; break-after: avoid; page-break-after: avoid; }
      header, .summary, .chart-section { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      .table-section table { font-size: 8.5pt; }
      .figure { background: none; }
      footer { break-inside: avoid; }
    }
    """
}
