using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Events;

/// <summary>The events ahead, soonest first, and those that took place, latest first; by kind and text.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(EventQueries queries, CurrentUser user) : PageModel
{
    public const int UpcomingShown = 50;

    public PageQuery Query { get; private set; } = new();
    public EventFilter Filter { get; private set; } = new();
    public IReadOnlyList<EventSummary> Upcoming { get; private set; } = [];
    public Paged<EventSummary>? Past { get; private set; }
    public string? Error { get; private set; }
    public bool MayManage { get; private set; }

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] PageQuery query, [FromQuery] EventFilter filter, CancellationToken ct)
    {
        (Query, Filter) = (query, filter with { Upcoming = null });
        MayManage = await user.MayAsync(EventsModule.ManageEvents);
        var errors = new ValidationErrors();
        Query.Validate(errors);
        EventQueries.Validate(Filter, errors);
        if (!errors.IsEmpty)
        {
            Error = Refusal.Invalid(errors).Message;
            return;
        }
        Upcoming = (await queries.ListAsync(Query with { Page = 1, PageSize = UpcomingShown }, Filter with { Upcoming = true }, ct)).Items;
        Past = await queries.ListAsync(Query with { PageSize = 25 }, Filter with { Upcoming = false }, ct);
    }
}
