using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Features.BuyerJourney;
using Vouch.Web;

namespace Vouch.Features.Value;

/// <summary>Who is worth most: customers by engagement value or multiple, segments and industries, under- and over-used advocates.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class IndexModel(ValueQueries queries, BuyerJourneys journeys, CurrentUser user) : PageModel
{
    public const int CustomersShown = 25;

    public ValueSort Sort { get; private set; }
    public Paged<CustomerValueRow> Customers { get; private set; } = new([], 0, 1, CustomersShown);
    public IReadOnlyList<GroupValueRow> Segments { get; private set; } = [];
    public IReadOnlyList<GroupValueRow> Industries { get; private set; } = [];
    public AdvocateUse Advocates { get; private set; } = new(null, [], []);
    public BuyerJourneyReport Journeys { get; private set; } = BuyerJourneyReport.Of([]);
    public bool MayChangeSettings { get; private set; }

    public async Task OnGetAsync(string? sort, CancellationToken ct)
    {
        Sort = EnumText.ParseOrNull<ValueSort>(sort) ?? ValueSort.EngagementValue;
        Customers = await queries.CustomersAsync(new PageQuery { PageSize = CustomersShown }, new CustomerValueFilter { Sort = Sort.ToString() }, ct);
        Segments = await queries.SegmentsAsync(ct);
        Industries = await queries.IndustriesAsync(ct);
        Advocates = await queries.AdvocatesAsync(ct);
        Journeys = await journeys.ReportAsync(ct);
        MayChangeSettings = await user.MayAsync(Policies.ManageInventory);
    }
}
