using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Programs;

/// <summary>How the records of a figure are asked for: a page of them, or all of them as a file.</summary>
public sealed record FigureFormat
{
    /// <summary>csv or xlsx for every record as a file (up to 50,000); a page of JSON when not given.</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; init; }
}

public static class ProgramEndpoints
{
    public static RouteGroupBuilder MapProgram(this RouteGroupBuilder api)
    {
        var program = api.MapGroup("/program").WithTags("Program");
        program.MapGet("/dashboard", Dashboard).RequireAuthorization(Policies.ReadReports)
            .WithName("ProgramDashboard").WithSummary("Every figure of the program dashboard over the period (from and to as yyyy-MM, the last twelve months by default): monthly series, comparisons and headline numbers.");
        program.MapGet("/figures/{figure}/records", Records).RequireAuthorization(Policies.ReadReports)
            .WithName("ProgramFigureRecords").WithSummary("The records behind one figure of the dashboard over the period, a page at a time; format=csv or xlsx sends them all as a file.")
            .Produces(StatusCodes.Status200OK, contentType: FigureExport.CsvContentType)
            .Produces(StatusCodes.Status200OK, contentType: FigureExport.ExcelContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        program.MapGet("/kpis", Kpis).RequireAuthorization(Policies.ReadReports)
            .WithName("ProgramKpis").WithSummary("The program's KPIs over the last twelve whole months: each month's value, the latest, the trend, whether on track; and the measures a KPI can follow.");
        program.MapPut("/kpis", SetKpis).RequireAuthorization(Policies.ManageInventory)
            .WithName("SetProgramKpis").WithSummary("Replace the program's KPIs (at most five): each a measure, an optional name, a numeric target and whether higher is better. Anything wrong refuses the whole set.");
        program.MapGet("/report", Report).RequireAuthorization(Policies.ReadReports)
            .WithName("ProgramReport").WithSummary("The monthly executive report (month as yyyy-MM, last month by default): the month's figures against the month before and the KPIs.");
        program.MapGet("/report/pdf", ReportPdfFile).RequireAuthorization(Policies.ReadReports)
            .WithName("ProgramReportPdf").WithSummary("The monthly executive report as a PDF.")
            .Produces(StatusCodes.Status200OK, contentType: ReportPdf.ContentType);
        program.MapGet("/report/subscription", Subscription).RequireAuthorization(Policies.ReadReports)
            .WithName("ProgramReportSubscription").WithSummary("Whether you get the monthly executive report by email.");
        program.MapPut("/report/subscription", Subscribe).RequireAuthorization(Policies.ReadReports)
            .WithName("SetProgramReportSubscription").WithSummary("Subscribe to the monthly executive report by email, or stop it.");
        return api;
    }

    private static async Task<Results<Ok<ProgramDashboardResponse>, ValidationProblem>> Dashboard(
        [AsParameters] ProgramPeriod period, ProgramDashboard dashboard, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (period.Resolve(dashboard.Today, errors) is not { } range)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await dashboard.FiguresAsync(range, ct));
    }

    private static async Task<Results<Ok<FigureRecords>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Records(
        string figure, [AsParameters] ProgramPeriod period, [AsParameters] PageQuery page, [AsParameters] FigureFormat query,
        ProgramDashboard dashboard, FigureRecordsReader reader, CancellationToken ct)
    {
        if (!ProgramDashboard.IsFigure(figure))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The figure was not found.",
                detail: $"The figures are {string.Join(", ", ProgramDashboard.Figures.Select(f => f.Key))}.");
        }
        var errors = new ValidationErrors();
        var range = period.Resolve(dashboard.Today, errors);
        page.Validate(errors);
        var format = query.Format?.Trim().ToLowerInvariant();
        if (format is not (null or "" or "csv" or "xlsx"))
        {
            errors.Add("format", $"format must be csv or xlsx; '{query.Format}' is not.");
        }
        if (!errors.IsEmpty || range is null)
        {
            return errors.ToProblem();
        }
        if (string.IsNullOrEmpty(format))
        {
            return TypedResults.Ok(await reader.ListAsync(figure, range, page.Skip, page.Size, ct));
        }
        var all = await reader.ListAsync(figure, range, 0, FigureRecordsReader.MaxExported, ct);
        using var file = new MemoryStream();
        if (format == "csv")
        {
            await FigureExport.WriteCsvAsync(file, all, ct);
            return TypedResults.File(file.ToArray(), FigureExport.CsvContentType, FigureExport.FileName(all, "csv"));
        }
        await FigureExport.WriteExcelAsync(file, all, ct);
        return TypedResults.File(file.ToArray(), FigureExport.ExcelContentType, FigureExport.FileName(all, "xlsx"));
    }

    private static async Task<Ok<KpisResponse>> Kpis(ProgramKpis kpis, CancellationToken ct) => TypedResults.Ok(await kpis.StatusAsync(ct));

    private static async Task<Results<Ok<KpisResponse>, ValidationProblem, ProblemHttpResult>> SetKpis(KpisInput body, ProgramKpis kpis, CancellationToken ct) =>
        (await (await kpis.SetAsync(body, ct)).ThenAsync(() => kpis.StatusAsync(ct))).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ExecutiveReportResponse>, ValidationProblem>> Report(
        [FromQuery(Name = "month")] string? month, ExecutiveReport report, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var first = ProgramPeriod.ParseMonth("month", month, errors) ?? report.LastMonth;
        return errors.IsEmpty ? TypedResults.Ok(await report.ForAsync(first, ct)) : errors.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ReportPdfFile(
        [FromQuery(Name = "month")] string? month, ExecutiveReport report, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var first = ProgramPeriod.ParseMonth("month", month, errors) ?? report.LastMonth;
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var written = await report.ForAsync(first, ct);
        return TypedResults.File(ReportPdf.Write(written), ReportPdf.ContentType, $"program-report-{written.Month}.pdf");
    }

    private static async Task<Ok<ReportSubscriptionResponse>> Subscription(ExecutiveReport report, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(new ReportSubscriptionResponse(await report.IsSubscribedAsync(user.Id, ct)));

    private static async Task<Results<Ok<ReportSubscriptionResponse>, ValidationProblem, ProblemHttpResult>> Subscribe(
        ReportSubscriptionInput body, ExecutiveReport report, CurrentUser user, CancellationToken ct) =>
        (await (await report.SubscribeAsync(user.Id, body, ct)).ThenAsync(async () => new ReportSubscriptionResponse(await report.IsSubscribedAsync(user.Id, ct))))
            .ToApi(TypedResults.Ok);
}
