using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Offers;

/// <summary>
/// One offer: its applications, which the program team accepts, declines and delivers, and the advocates it fits best,
/// whom the team can put forward on their behalf.
/// </summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(OfferQueries queries, OfferCatalogue catalogue, CurrentUser user) : PageModel
{
    public OfferResponse Offer { get; private set; } = null!;
    public IReadOnlyList<ApplicationResponse> Applications { get; private set; } = [];
    public IReadOnlyList<RecommendedAdvocate> Advocates { get; private set; } = [];
    public bool MayManage { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.OpenAsync(id, ct)).Refusal, "The offer is open: advocates may apply.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.CloseAsync(id, ct)).Refusal, "The offer is closed to applications.", ct);

    public Task<IActionResult> OnPostOfferAsync(Guid id, Guid contactId, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.ApplyAsync(id, contactId, ApplicationActor.Team(user.Email, id), ct)).Refusal,
            "The advocate was put forward; accept the application when they confirm.", ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Accept, "The application is accepted: it takes a seat.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Decline, "The application is declined.", ct);

    public Task<IActionResult> OnPostDeliverAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Deliver, "Delivered: the give is in the advocate's ledger.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Withdraw, "The application is withdrawn.", ct);

    private Task<IActionResult> StepAsync(Guid id, Guid applicationId, ApplicationStep step, string notice, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.StepAsync(step, applicationId, ApplicationActor.Team(user.Email, id), ct)).Refusal, notice, ct);

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<Refusal?>> act, string notice, CancellationToken ct)
    {
        if (!await user.MayAsync(OffersModule.ManageOffers))
        {
            return Forbid();
        }
        var refusal = await act();
        if (refusal is null)
        {
            TempData["Notice"] = notice;
            return Redirect($"/offers/{id}");
        }
        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Error = refusal.Message;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } offer)
        {
            return NotFound();
        }
        Offer = offer;
        MayManage = await user.MayAsync(OffersModule.ManageOffers);
        Applications = await queries.ApplicationsAsync(id, ct) ?? [];
        Advocates = await queries.AdvocatesForAsync(id, ct) ?? [];
        return Page();
    }
}
