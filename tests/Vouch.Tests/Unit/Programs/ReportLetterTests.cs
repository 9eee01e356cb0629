using Vouch.Features.Programs;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Unit.Programs;

/// <summary>The emailed executive report, in the language of the subscriber it is written for.</summary>
public sealed class ReportLetterTests
{
    private static readonly ExecutiveReportResponse s_report = new("2025-02", "Reference program report, February 2025",
        [new ReportLine("influenced-revenue", "Influenced revenue", "money", 10_000, 2_500)],
        [new KpiStatus("win-rate-with-references", "Win rate", "rate", 0.4m, true, [], "2025-02", 0.125, "down", false, false, null)],
        null!);

    private static (string Subject, string Text, string Html) Letter(string? language) =>
        Languages.WriteIn(language, () => ExecutiveReport.Letter(s_report, new DateOnly(2025, 2, 1), "https://v.example.com/r", "https://v.example.com/r.pdf", AppStrings.Localizer));

    [Fact]
    public void A_subscriber_who_chose_German_reads_the_report_in_German_with_German_numbers()
    {
        var (subject, text, html) = Letter("de");

        Assert.Equal("Bericht zum Referenzprogramm, Februar 2025", subject);
        Assert.Equal(
            ["Bericht zum Referenzprogramm, Februar 2025", "", "Kennzahlen (KPIs)", "- Win rate: 12,5% bei einem Ziel von 40%, nicht im Plan", "",
                "- Influenced revenue: 10.000 (im Vormonat: 2.500)", "", "Der Bericht: https://v.example.com/r", "Als PDF: https://v.example.com/r.pdf", ""],
            text.Split(Environment.NewLine));
        Assert.EndsWith("<a href=\"https://v.example.com/r\">Der Bericht</a> · <a href=\"https://v.example.com/r.pdf\">Als PDF</a></p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscriber_with_no_language_reads_it_in_English()
    {
        var (subject, text, _) = Letter(null);

        Assert.Equal("Reference program report, February 2025", subject);
        Assert.Equal(
            ["Reference program report, February 2025", "", "KPIs", "- Win rate: 12.5% against 40%, off track", "",
                "- Influenced revenue: 10,000 (the month before: 2,500)", "", "The report: https://v.example.com/r", "As a PDF: https://v.example.com/r.pdf", ""],
            text.Split(Environment.NewLine));
    }
}
