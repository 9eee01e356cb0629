using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Hosting;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Programs;

/// <summary>One line of the monthly report: a measure in the month and in the month before.</summary>
/// <remarks>Unit: money, count, rate (0 to 1), days or hours.</remarks>
public sealed record ReportLine(string Measure, string Name, string Unit, double? Value, double? Before);

/// <summary>The monthly executive report: the month's figures against the month before, and where each KPI stands.</summary>
public sealed record ExecutiveReportResponse(string Month, string Title, IReadOnlyList<ReportLine> Lines, IReadOnlyList<KpiStatus> Kpis, ProgramDashboardResponse Year);

/// <summary>Whether the signed-in user gets the monthly report by email.</summary>
public sealed record ReportSubscriptionResponse(bool Subscribed);

/// <summary>Subscribing or not to the monthly report.</summary>
public sealed record ReportSubscriptionInput(bool? Subscribed);

/// <summary>
/// The monthly executive report: the month's figures and KPIs, printable and as a PDF, sent by email through the outbox
/// to the users who subscribe, each month once across instances (a job lease, and each subscriber marked in the same
/// save as their email, as the advocate digest does). Each subscriber's email is in their language.
/// </summary>
public sealed class ExecutiveReport(VouchDbContext db, ProgramDashboard dashboard, EmailSettings email, JobLeases leases, TimeProvider clock,
    IStringLocalizer<Strings> text, ILogger<ExecutiveReport> logger)
{
    public const string Job = "program-report";

    public DateOnly ThisMonth => new(dashboard.Today.Year, dashboard.Today.Month, 1);

    /// <summary>The last whole month: the one a report is written for when none is asked.</summary>
    public DateOnly LastMonth => ThisMonth.AddMonths(-1);

    public static string Label(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The report for <paramref name="month"/>, over the twelve months that end with it.</summary>
    public async Task<ExecutiveReportResponse> ForAsync(DateOnly month, CancellationToken ct)
    {
        var year = await dashboard.FiguresAsync(new MonthRange(month.AddMonths(1 - ProgramPeriod.DefaultMonths), ProgramPeriod.DefaultMonths), ct);
        var series = year.Figures.Where(f => f.Monthly).SelectMany(f => f.Series).Where(s => s.Measure is not null).ToDictionary(s => s.Measure!);
        var lines = ProgramMeasures.All.Where(m => series.ContainsKey(m.Key))
            .Select(m => new ReportLine(m.Key, m.Name, m.Unit, series[m.Key].Values[^1], series[m.Key].Values[^2]))
            .ToList();
        var kpis = await db.Set<ProgramKpi>().AsNoTracking().OrderBy(k => k.Position).ToListAsync(ct);
        return new ExecutiveReportResponse(MonthRange.Label(month), $"Reference program report, {Label(month)}", lines,
            [.. kpis.Select(k => ProgramKpis.Judge(k, year))], year);
    }

    public async Task<bool> IsSubscribedAsync(Guid userId, CancellationToken ct) =>
        await db.Set<ReportSubscription>().AnyAsync(s => s.UserId == userId, ct);

    public async Task<CommandResult> SubscribeAsync(Guid userId, ReportSubscriptionInput input, CancellationToken ct)
    {
        if (input.Subscribed is not { } subscribed)
        {
            return Refusal.Invalid("subscribed", "subscribed is required: true or false.");
        }
        var existing = await db.Set<ReportSubscription>().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (subscribed && existing is null)
        {
            // A new subscriber starts with next month's report: this month's went out, or goes out, without them.
            db.Set<ReportSubscription>().Add(new ReportSubscription { UserId = userId, SubscribedAt = clock.GetUtcNow(), SentFor = MonthRange.Label(LastMonth) });
        }
        else if (!subscribed && existing is not null)
        {
            db.Set<ReportSubscription>().Remove(existing);
        }
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>
    /// Queues last month's report for every subscriber not yet sent it, on one instance at a time. Each subscriber is
    /// marked in the same save as their email, so a round cut short resumes where it stopped and none gets it twice.
    /// </summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken ct)
    {
        if (!email.IsConfigured || !await leases.TryAcquireAsync(Job, instance, TimeSpan.FromMinutes(30), ct))
        {
            return 0;
        }
        var month = LastMonth;
        var label = MonthRange.Label(month);
        var sent = 0;
        try
        {
            var due = await db.Set<ReportSubscription>()
                .Where(s => s.SentFor != label)
                .Join(db.Users.Where(u => !u.IsDisabled && u.Email != null), s => s.UserId, u => u.Id, (s, u) => new { u.Id, u.Email, u.Language })
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return 0;
            }
            var report = await ForAsync(month, ct);
            var publicUrl = email.PublicUrl ?? new Uri("http://localhost/");
            var pageUrl = NotificationEmail.Absolute(publicUrl, $"/program/report?month={label}");
            var pdfUrl = NotificationEmail.Absolute(publicUrl, $"/program/report/pdf?month={label}");
            foreach (var subscriber in due)
            {
                var letter = Languages.WriteIn(subscriber.Language, () => Letter(report, month, pageUrl, pdfUrl, text));
                var now = clock.GetUtcNow();
                db.OutboundEmails.Add(new OutboundEmail
                {
                    UserId = subscriber.Id, To = subscriber.Email!, Subject = letter.Subject, TextBody = letter.Text, HtmlBody = letter.Html,
                    CreatedAt = now, Status = OutboundEmailStatus.Pending, NextAttemptAt = now,
                });
                var subscription = await db.Set<ReportSubscription>().SingleAsync(s => s.UserId == subscriber.Id, ct);
                subscription.SentFor = label;
                await db.SaveChangesAsync(ct);
                sent++;
            }
        }
        finally
        {
            await leases.ReleaseAsync(Job, instance, ct);
        }
        logger.LogInformation("Queued {Count} program reports for {Month}", sent, label);
        return sent;
    }

    /// <summary>
    /// The email: the month's lines and KPIs in words, with links to the printable page and the PDF, in the language
    /// <paramref name="text"/> speaks and with its numbers. The names of the measures and KPIs are as the report has them.
    /// </summary>
    public static (string Subject, string Text, string Html) Letter(
        ExecutiveReportResponse report, DateOnly month, string pageUrl, string pdfUrl, IStringLocalizer<Strings> text)
    {
        var culture = CultureInfo.CurrentCulture;
        string title = text["Reference program report, {0}", month.ToString(text["MMMM yyyy"], culture)];
        var plain = new StringBuilder().AppendLine(title).AppendLine();
        var html = new StringBuilder().Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        if (report.Kpis.Count > 0)
        {
            string kpis = text["KPIs"];
            plain.AppendLine(kpis);
            html.Append("<h2>").Append(WebUtility.HtmlEncode(kpis)).Append("</h2><ul>");
            foreach (var kpi in report.Kpis)
            {
                string standing = kpi.OnTrack switch
                {
                    true => text["on track"],
                    false => text["off track"],
                    null => text["not measured yet"],
                };
                string line = text["{0}: {1} against {2}, {3}",
                    kpi.Name, ReportFormat.Value(kpi.Latest, kpi.Unit, culture), ReportFormat.Value((double)kpi.Target, kpi.Unit, culture), standing];
                plain.AppendLine("- " + line);
                html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
            }
            plain.AppendLine();
            html.Append("</ul>");
        }
        html.Append("<h2>").Append(WebUtility.HtmlEncode(text["The month"])).Append("</h2><ul>");
        foreach (var line in report.Lines)
        {
            string words = text["{0}: {1} (the month before: {2})",
                line.Name, ReportFormat.Value(line.Value, line.Unit, culture), ReportFormat.Value(line.Before, line.Unit, culture)];
            plain.AppendLine("- " + words);
            html.Append("<li>").Append(WebUtility.HtmlEncode(words)).Append("</li>");
        }
        html.Append("</ul>");
        plain.AppendLine().AppendLine(text["The report: {0}", pageUrl]).AppendLine(text["As a PDF: {0}", pdfUrl]);
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(pageUrl)).Append("\">").Append(WebUtility.HtmlEncode(text["The report"]))
            .Append("</a> · <a href=\"").Append(WebUtility.HtmlEncode(pdfUrl)).Append("\">").Append(WebUtility.HtmlEncode(text["As a PDF"])).Append("</a></p>");
        return (title, plain.ToString(), html.ToString());
    }
}

/// <summary>How the report writes values and standings, the same on the page, in the PDF and in the email.</summary>
public static class ReportFormat
{
    /// <summary>The value in the unit's form; in the invariant culture unless a language's (an email's) is given.</summary>
    public static string Value(double? value, string unit, CultureInfo? culture = null) => value is not { } v ? "–" : unit switch
    {
        "rate" => (v * 100).ToString("0.#", culture ?? CultureInfo.InvariantCulture) + "%",
        "money" => v.ToString("N0", culture ?? CultureInfo.InvariantCulture),
        "days" or "hours" or "ratio" => v.ToString("0.##", culture ?? CultureInfo.InvariantCulture),
        _ => v.ToString("N0", culture ?? CultureInfo.InvariantCulture),
    };

    public static string Standing(KpiStatus kpi) => kpi.OnTrack switch
    {
        true => "on track",
        false => "off track",
        null => "not measured yet",
    };

    public static string Trend(KpiStatus kpi) => (kpi.Trend, kpi.Improving) switch
    {
        (null, _) => "–",
        ("flat", _) => "flat",
        (var t, true) => $"{t}, improving",
        (var t, false) => $"{t}, worsening",
        (var t, null) => t,
    };
}

/// <summary>The report's settings.</summary>
public sealed class ReportOptions
{
    /// <summary>Whether the monthly report is emailed at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>How often an instance looks for subscribers whose report of last month is not yet sent.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Looks for due reports on every instance; the lease lets one send at a time.</summary>
public sealed class ExecutiveReportSchedule(IServiceScopeFactory scopes, IOptions<ReportOptions> options, TimeProvider clock, ILogger<ExecutiveReportSchedule> logger)
    : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ExecutiveReport>().SendDueAsync(_instance, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Program report round failed");
            }
            try
            {
                await Task.Delay(options.Value.CheckEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
