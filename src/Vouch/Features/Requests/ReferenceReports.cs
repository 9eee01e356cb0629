using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Programs;

namespace Vouch.Features.Requests;

/// <summary>
/// The influence report as the API and the page answer it. Its tallies add up every closed deal, which at a million
/// contacts takes longer than a reader should wait, so they are kept in memory like the program dashboard's figures
/// (<see cref="KeptFigures{TKey, TFigures}"/>, for <see cref="ProgramOptions.FiguresSeconds"/>); the deals listed are
/// read afresh.
/// </summary>
public sealed class ReferenceReports(VouchDbContext db, KeptFigures<EveryClosedDeal, InfluenceTallies> kept, IOptions<ProgramOptions> options)
{
    public async Task<ReferenceReport> ReadAsync(CancellationToken ct)
    {
        var tallies = options.Value.FiguresSeconds <= 0 ? await TallyAsync(ct) : await kept.GetAsync(default, ct);
        return await ReportEndpoints.InfluenceAsync(db, tallies, ct);
    }

    public Task<InfluenceTallies> TallyAsync(CancellationToken ct) => ReportQueries.TallyAsync(ReportQueries.ClosedDeals(db), ct);
}
