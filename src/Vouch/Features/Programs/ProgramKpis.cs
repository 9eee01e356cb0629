using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Programs;

/// <summary>One KPI as sent to be set: a measure's key, an optional name of its own, the target and which way is better.</summary>
/// <remarks>Name: the measure's name when not given. HigherIsBetter: the measure's own direction when not given.</remarks>
public sealed record KpiInput(string? Measure, string? Name, decimal? Target, bool? HigherIsBetter);

/// <summary>The program's KPIs to set, replacing those it had: at most five.</summary>
public sealed record KpisInput(IReadOnlyList<KpiInput>? Kpis);

/// <summary>The program's KPIs, judged over the last twelve whole months, and the measures a KPI can follow.</summary>
public sealed record KpisResponse(string From, string To, IReadOnlyList<KpiStatus> Kpis, IReadOnlyList<Measure> Measures);

/// <summary>Sets the program's KPIs and judges them against the dashboard's monthly figures.</summary>
public sealed class ProgramKpis(VouchDbContext db, ProgramDashboard dashboard)
{
    /// <summary>The last twelve whole months: a KPI is judged on finished months.</summary>
    public MonthRange Period()
    {
        var thisMonth = new DateOnly(dashboard.Today.Year, dashboard.Today.Month, 1);
        return new MonthRange(thisMonth.AddMonths(-ProgramPeriod.DefaultMonths), ProgramPeriod.DefaultMonths);
    }

    public Task<List<ProgramKpi>> DefinedAsync(CancellationToken ct) =>
        db.Set<ProgramKpi>().AsNoTracking().OrderBy(k => k.Position).ToListAsync(ct);

    public async Task<KpisResponse> StatusAsync(CancellationToken ct) => await StatusAsync(Period(), ct);

    public async Task<KpisResponse> StatusAsync(MonthRange range, CancellationToken ct)
    {
        var kpis = await DefinedAsync(ct);
        var figures = await dashboard.FiguresAsync(range, ct);
        return new KpisResponse(figures.From, figures.To, [.. kpis.Select(k => Judge(k, figures))], ProgramMeasures.All);
    }

    public static KpiStatus Judge(ProgramKpi kpi, ProgramDashboardResponse figures)
    {
        var measure = ProgramMeasures.Find(kpi.Measure)!;
        var series = figures.Figures.SelectMany(f => f.Series).FirstOrDefault(s => s.Measure == measure.Key);
        var values = series?.Values ?? [.. figures.Months.Select(_ => (double?)null)];
        return ProgramMeasures.Judge(new KpiDefinition(kpi.Measure, kpi.Name, kpi.Target, kpi.HigherIsBetter), measure, figures.Months, values);
    }

    /// <summary>Replaces the KPIs with <paramref name="input"/>'s; anything wrong refuses the whole set, naming each field.</summary>
    public async Task<CommandResult> SetAsync(KpisInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var kpis = input.Kpis ?? [];
        if (input.Kpis is null)
        {
            errors.Add("kpis", "kpis is required: a list of at most five KPIs.");
        }
        else if (kpis.Count > ProgramMeasures.MaxKpis)
        {
            errors.Add("kpis", $"A program follows at most {ProgramMeasures.MaxKpis} KPIs; {kpis.Count} were sent.");
        }
        var rows = new List<ProgramKpi>();
        for (var i = 0; i < kpis.Count; i++)
        {
            var kpi = kpis[i];
            var field = $"kpis[{i}]";
            if (kpi is null)
            {
                errors.Add(field, $"{field} is empty.");
                continue;
            }
            var measure = ProgramMeasures.Find(kpi.Measure);
            if (string.IsNullOrWhiteSpace(kpi.Measure))
            {
                errors.Add($"{field}.measure", "measure is required.");
            }
            else if (measure is null)
            {
                errors.Add($"{field}.measure", $"'{kpi.Measure}' is not a measure; the measures are {string.Join(", ", ProgramMeasures.All.Select(m => m.Key))}.");
            }
            errors.MaxLength($"{field}.name", kpi.Name, ProgramKpi.NameMaxLength);
            if (kpi.Target is not { } target)
            {
                errors.Add($"{field}.target", "target is required: a number.");
            }
            else if (measure is not null && measure.Unit == "rate" && target is < 0 or > 1)
            {
                errors.Add($"{field}.target", $"target of a rate is a share between 0 and 1 (0.6 for 60%); {target} is not.");
            }
            else if (target < 0)
            {
                errors.Add($"{field}.target", $"target must not be negative; {target} is.");
            }
            else if (Math.Abs(target) >= 100_000_000_000_000m)
            {
                errors.Add($"{field}.target", "target is too large.");
            }
            if (measure is not null && kpi.Target is { } t)
            {
                rows.Add(new ProgramKpi
                {
                    Position = i + 1, Measure = measure.Key, Name = string.IsNullOrWhiteSpace(kpi.Name) ? measure.Name : kpi.Name.Trim(),
                    Target = t, HigherIsBetter = kpi.HigherIsBetter ?? measure.HigherIsBetter,
                });
            }
        }
        var names = rows.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var name in names)
        {
            errors.Add("kpis", $"Two KPIs are named '{name}'; give each its own name.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<ProgramKpi>().ExecuteDeleteAsync(ct);
        db.Set<ProgramKpi>().AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult.Success;
    }
}
