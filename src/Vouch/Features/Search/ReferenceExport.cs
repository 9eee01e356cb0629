using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Vouch.Features.Search;

/// <summary>
/// The current search as a file: CSV written to the response as rows arrive, or an Excel workbook.
/// Both carry what the search page shows plus the whole story, never email, phone or notes.
/// </summary>
public static class ReferenceExport
{
    public const string CsvContentType = "text/csv";
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> Columns =
    [
        "Name", "Title", "Account", "Industry", "Segment", "Region", "Country", "Employees", "Advocacy stage", "Consent",
        "Activities", "Use case", "Results", "Quotes",
    ];

    public static string FileName(DateOnly today, string extension) =>
        $"references-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>
    /// RFC 4180 with a byte order mark (so Excel reads UTF-8); a text cell that a spreadsheet would
    /// run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR) gets a leading apostrophe.
    /// </summary>
    public static async Task WriteCsvAsync(Stream destination, IAsyncEnumerable<ReferenceExportRow> rows, CancellationToken ct)
    {
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns], ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync([.. Cells(row).Select(cell => cell switch
            {
                null => null,
                int number => number.ToString(CultureInfo.InvariantCulture),
                _ => (string)cell,
            })], ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// One sheet with a header row. Every value is a plain text or number cell, never a formula, so
    /// "=HYPERLINK(...)" in a story is shown as those characters. The workbook (a zip) is built in a
    /// temporary file and then sent, as a zip cannot be written front to back to the response.
    /// </summary>
    public static async Task WriteExcelAsync(Stream destination, IAsyncEnumerable<ReferenceExportRow> rows, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
            {
                // A table rather than a list of rows: an empty result still has its header.
                using var sheet = new DataTable("References");
                foreach (var column in Columns)
                {
                    sheet.Columns.Add(column, column == "Employees" ? typeof(int) : typeof(string));
                }
                await foreach (var row in rows.WithCancellation(ct))
                {
                    sheet.Rows.Add([.. Cells(row).Select(cell => cell ?? DBNull.Value)]);
                }
                await file.SaveAsAsync(sheet, printHeader: true, sheetName: "References", excelType: ExcelType.XLSX, cancellationToken: ct);
                file.Position = 0;
                await file.CopyToAsync(destination, ct);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static object?[] Cells(ReferenceExportRow row)
    {
        var r = row.Reference;
        return
        [
            r.Name, r.Title, r.Account, r.Industry, r.Segment, r.Region, r.Country, r.Employees, r.Stage, r.Consent,
            string.Join(' ', r.Activities), row.UseCase, row.Results, row.Quotes,
        ];
    }
}
