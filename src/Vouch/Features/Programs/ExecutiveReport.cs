using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Hosting;

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
/// save as their email, as the advocate digest does).
/// </summary>
public sealed class ExecutiveReport(VouchDbContext db, ProgramDashboard dashboard, EmailSettings email, JobLeases leases, TimeProvider clock,
    ILogger<ExecutiveReport> logger)
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
                .Join(db.Users.Where(u => !u.IsDisabled && u.Email != null), s => s.UserId, u => u.Id, (s, u) => new { u.Id, u.Email })
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return 0;
            }
            var report = await ForAsync(month, ct);
            var publicUrl = email.PublicUrl ?? new Uri("http://localhost/");
            var (text, html) = Letter(report, NotificationEmail.Absolute(publicUrl, $"/program/report?month={label}"),
                NotificationEmail.Absolute(publicUrl, $"/program/report/pdf?month={label}"));
            foreach (var subscriber in due)
            {
                var now = clock.GetUtcNow();
                db.OutboundEmails.Add(new OutboundEmail
                {
                    UserId = subscriber.Id, To = subscriber.Email!, Subject = report.Title, TextBody = text, HtmlBody = html,
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

    /// <summary>The email: the month's lines and KPIs in words, with links to the printable page and the PDF.</summary>
    public static (string Text, string Html) Letter(ExecutiveReportResponse report, string pageUrl, string pdfUrl)
    {
        var text = new StringBuilder().AppendLine(report.Title).AppendLine();
        var html = new StringBuilder().Append("<h1>").Append(WebUtility.HtmlEncode(report.Title)).Append("</h1>");
        if (report.Kpis.Count > 0)
        {
            text.AppendLine("KPIs");
            html.Append("<h2>KPIs</h2><ul>");
            foreach (var kpi in report.Kpis)
            {
                var line = $"{kpi.Name}: {ReportFormat.Value(kpi.Latest, kpi.Unit)} against {ReportFormat.Value((double)kpi.Target, kpi.Unit)}, {ReportFormat.Standing(kpi)}";
                text.AppendLine("- " + line);
                html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
            }
            text.AppendLine();
            html.Append("</ul>");
        }
        html.Append("<h2>The month</h2><ul>");
        foreach (var line in report.Lines)
        {
            var words = $"{line.Name}: {ReportFormat.Value(line.Value, line.Unit)} (the month before: {ReportFormat.Value(line.Before, line.Unit)})";
            text.AppendLine("- " + words);
            html.Append("<li>").Append(WebUtility.HtmlEncode(words)).Append("</li>");
        }
        html.Append("</ul>");
        text.AppendLine().AppendLine("The report: " + pageUrl).AppendLine("As a PDF: " + pdfUrl);
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(pageUrl)).Append("\">The report</a> · <a href=\"")
            .Append(WebUtility.HtmlEncode(pdfUrl)).Append("\">As a PDF</a></p>");
        return (text.ToString(), html.ToString());
    }
}

/// <summary>How the report writes values and standings, the same on the page, in the PDF and in the email.</summary>
public static class ReportFormat
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Value(double? value, string unit) => value is not { } v ? "–" : unit switch
    {
        "rate" => (v * 100).ToString("0.#", s_invariant) + "%",
        "money" => v.ToString("N0", s_invariant),
        "days" or "hours" or "ratio" => v.ToString("0.##", s_invariant),
        _ => v.ToString("N0", s_invariant),
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
