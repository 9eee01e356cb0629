using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Offers;

/// <summary>
/// One offer: its applications, which the program team accepts, declines and delivers, and the advocates it fits best,
/// whom the team can put forward on their behalf.
/// </summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(OfferQueries queries, OfferCatalogue catalogue, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public OfferResponse Offer { get; private set; } = null!;
    public IReadOnlyList<ApplicationResponse> Applications { get; private set; } = [];
    public IReadOnlyList<RecommendedAdvocate> Advocates { get; private set; } = [];
    public bool MayManage { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.OpenAsync(id, ct)).Refusal, text["The offer is open: advocates may apply."], ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.CloseAsync(id, ct)).Refusal, text["The offer is closed to applications."], ct);

    public Task<IActionResult> OnPostOfferAsync(Guid id, Guid contactId, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.ApplyAsync(id, contactId, ApplicationActor.Team(user.Email, id), ct)).Refusal,
            text["The advocate was put forward; accept the application when they confirm."], ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Accept, text["The application is accepted: it takes a seat."], ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Decline, text["The application is declined."], ct);

    public Task<IActionResult> OnPostDeliverAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Deliver, text["Delivered: the give is in the advocate's ledger."], ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        StepAsync(id, applicationId, ApplicationStep.Withdraw, text["The application is withdrawn."], ct);

    private Task<IActionResult> StepAsync(Guid id, Guid applicationId, ApplicationStep step, LocalizedString notice, CancellationToken ct) =>
        ManageAsync(id, async () => (await catalogue.StepAsync(step, applicationId, ApplicationActor.Team(user.Email, id), ct)).Refusal, notice, ct);

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<Refusal?>> act, LocalizedString notice, CancellationToken ct)
    {
        if (!await user.MayAsync(OffersModule.ManageOffers))
        {
            return Forbid();
        }
        var refusal = await act();
        if (refusal is null)
        {
            TempData["Notice"] = notice.Value;
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
