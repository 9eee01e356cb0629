using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Features.Portal;
using Vouch.Resources;

namespace Vouch.Features.Offers;

/// <summary>"Offers for me": what the program offers the signed-in advocate and why, their applications and what they were given.</summary>
[Authorize(Policy = Policies.AdvocatePortal)]
public sealed class PortalOffersModel(OfferQueries queries, OfferCatalogue catalogue, PortalAdvocate advocate, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    public PortalOffersResponse Offers { get; private set; } = new([], [], []);
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken ct) =>
        ActAsync(me => catalogue.ApplyAsync(id, me, ApplicationActor.Advocate(user.Email, me), ct),
            text["Thank you for applying! We will let you know when your seat is confirmed."], ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid applicationId, CancellationToken ct) =>
        ActAsync(me => catalogue.StepAsync(ApplicationStep.Withdraw, applicationId, ApplicationActor.Advocate(user.Email, me), ct),
            text["Your application is withdrawn."], ct);

    private async Task<IActionResult> ActAsync(Func<Guid, Task<CommandResult<ApplicationResponse>>> act, LocalizedString notice, CancellationToken ct)
    {
        if (await advocate.ContactIdAsync(ct) is not { } me)
        {
            return NotFound();
        }
        var result = await act(me);
        if (result.Succeeded)
        {
            TempData["Notice"] = notice.Value;
            return RedirectToPage();
        }
        if (result.Refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Error = result.Refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (await advocate.ContactIdAsync(ct) is { } me)
        {
            Offers = await queries.PortalAsync(me, ct);
        }
    }
}
