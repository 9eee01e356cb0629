using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Requests;

/// <summary>Reference requests: the caller's own, those waiting on them, or all of them for managers and executives.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(RequestQueries queries, CurrentUser user) : PageModel
{
    public bool MayAsk { get; private set; }

    public RequestView View { get; private set; }
    public Paged<RequestSummary> Requests { get; private set; } = null!;
    public bool ReadsAll { get; private set; }

    public async Task OnGetAsync(string? view, int? page, CancellationToken ct)
    {
        var actor = await RequestActor.OfAsync(user);
        ReadsAll = actor.ReadsAll;
        MayAsk = await user.MayAsync(RequestsModule.RequestReferences);
        View = EnumText.ParseOrNull<RequestView>(view) ?? RequestView.Waiting;
        Requests = await queries.ListAsync(actor, View, new PageQuery { Page = Math.Max(page ?? 1, 1) }, ct);
    }
}
