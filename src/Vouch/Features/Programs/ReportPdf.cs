using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.WPFonts;

namespace Vouch.Features.Programs;

/// <summary>
/// The monthly report as a PDF (PDFsharp 6.2.4): the same lines and KPIs as the printable page, on A4 pages. The font
/// is the one PDFsharp carries, so the PDF looks the same on any server whatever fonts it has.
/// </summary>
public static class ReportPdf
{
    public const string ContentType = "application/pdf";
    private const string Family = "Report";
    private const double Margin = 50;

    private static readonly Lock s_fonts = new();

    public static byte[] Write(ExecutiveReportResponse report)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        var title = new XFont(Family, 18, XFontStyleEx.Bold);
        var heading = new XFont(Family, 12, XFontStyleEx.Bold);
        var body = new XFont(Family, 10, XFontStyleEx.Regular);
        PdfPage page = null!;
        XGraphics graphics = null!;
        var y = 0.0;
        void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }
        void Line(string text, XFont font, double after = 4)
        {
            if (y + font.Height > page.Height.Point - Margin)
            {
                NewPage();
            }
            graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, page.Width.Point - 2 * Margin, font.Height), XStringFormats.TopLeft);
            y += font.Height + after;
        }
        void Row(string name, string value, string before, XFont font)
        {
            if (y + font.Height > page.Height.Point - Margin)
            {
                NewPage();
            }
            var width = page.Width.Point - 2 * Margin;
            graphics.DrawString(name, font, XBrushes.Black, new XRect(Margin, y, width * 0.55, font.Height), XStringFormats.TopLeft);
            graphics.DrawString(value, font, XBrushes.Black, new XRect(Margin + width * 0.55, y, width * 0.2, font.Height), XStringFormats.TopRight);
            graphics.DrawString(before, font, XBrushes.Black, new XRect(Margin + width * 0.78, y, width * 0.22, font.Height), XStringFormats.TopRight);
            y += font.Height + 3;
        }

        NewPage();
        Line(report.Title, title, 12);
        if (report.Kpis.Count > 0)
        {
            Line("KPIs", heading, 6);
            Row("KPI", "Latest", "Target", heading);
            foreach (var kpi in report.Kpis)
            {
                Row($"{kpi.Name} ({ReportFormat.Standing(kpi)}, {ReportFormat.Trend(kpi)})", ReportFormat.Value(kpi.Latest, kpi.Unit),
                    ReportFormat.Value((double)kpi.Target, kpi.Unit), body);
            }
            y += 10;
        }
        Line("The month", heading, 6);
        Row("Measure", report.Month, "Month before", heading);
        foreach (var line in report.Lines)
        {
            Row(line.Name, ReportFormat.Value(line.Value, line.Unit), ReportFormat.Value(line.Before, line.Unit), body);
        }
        graphics.Dispose();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (s_fonts)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        }
    }

    /// <summary>Resolves every family to the Segoe WP faces PDFsharp ships, regular or bold.</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? "SegoeWPBold" : "SegoeWP");

        public byte[] GetFont(string faceName) => faceName == "SegoeWPBold" ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
    }
}
