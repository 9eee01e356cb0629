using System.Data;
using CsvHelper;
using MiniExcelLibs;

namespace Vouch.Features.Programs;

/// <summary>
/// The records behind a figure as a file, written the way the reference search exports: CSV with a byte order mark and
/// formula-looking cells escaped, or an Excel workbook of plain text cells.
/// </summary>
public static class FigureExport
{
    public const string CsvContentType = "text/csv";
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(FigureRecords records, string extension) => $"{records.Figure}-{records.From}-to-{records.To}.{extension}";

    public static async Task WriteCsvAsync(Stream destination, FigureRecords records, CancellationToken ct)
    {
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. records.Columns], ct);
        foreach (var row in records.Records.Items)
        {
            await csv.WriteRecordAsync([.. row.Cells], ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>One sheet with a header row; the workbook (a zip) is built in memory, as an export holds a bounded number of rows.</summary>
    public static async Task WriteExcelAsync(Stream destination, FigureRecords records, CancellationToken ct)
    {
        using var sheet = new DataTable("Records");
        foreach (var column in records.Columns)
        {
            sheet.Columns.Add(column, typeof(string));
        }
        foreach (var row in records.Records.Items)
        {
            sheet.Rows.Add([.. row.Cells.Select(cell => (object?)cell ?? DBNull.Value)]);
        }
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheet, printHeader: true, sheetName: "Records", excelType: ExcelType.XLSX, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, ct);
    }
}
