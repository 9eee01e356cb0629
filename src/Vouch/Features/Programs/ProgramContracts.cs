using Vouch.Web;

namespace Vouch.Features.Programs;

/// <summary>The program dashboard: every figure over the period's months.</summary>
public sealed record ProgramDashboardResponse(string From, string To, IReadOnlyList<string> Months, IReadOnlyList<Figure> Figures);

/// <summary>
/// One figure of the dashboard: a chart of <paramref name="Series"/> over <paramref name="Labels"/> (the months, or the
/// names of what is compared), headline <paramref name="Numbers"/>, and where its records are listed.
/// </summary>
/// <remarks>Chart: line or bar. Monthly: whether the labels are the period's months.</remarks>
public sealed record Figure(
    string Key, string Title, string Chart, bool Monthly, IReadOnlyList<string> Labels, IReadOnlyList<FigureSeries> Series,
    IReadOnlyList<FigureNumber> Numbers, string Records);

/// <summary>
/// One line or set of bars of a figure. A value that cannot be computed (no deal to count) is null. A series with a
/// <paramref name="Measure"/> can be a KPI.
/// </summary>
/// <remarks>Unit: money, count, rate (0 to 1), days or hours.</remarks>
public sealed record FigureSeries(string Name, string Unit, IReadOnlyList<double?> Values, string? Measure = null);

/// <summary>A headline number of a figure; null with the reason when it cannot be computed.</summary>
public sealed record FigureNumber(string Name, double? Value, string Unit, string? Reason = null);

/// <summary>The records behind a figure, a page at a time, as rows of the named columns.</summary>
public sealed record FigureRecords(string Figure, string Title, string From, string To, IReadOnlyList<string> Columns, Paged<FigureRecord> Records);

/// <summary>One record behind a figure: its cells in the order of the columns, and where it is shown.</summary>
public sealed record FigureRecord(string? Href, IReadOnlyList<string?> Cells);
