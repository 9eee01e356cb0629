using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Features.Requests;
using Vouch.Resources;

namespace Vouch.Features.ProgramPolicies;

/// <summary>A reference manager's decision on a request outside policy, posted from the request's page and answered there.</summary>
[Authorize(Policy = Auth.Policies.ManageInventory)]
public sealed class ExceptionModel(PolicyExceptions exceptions, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/requests/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, string? decision, string? reason, CancellationToken ct)
    {
        var decided = await exceptions.DecideAsync(await RequestActor.OfAsync(user), id, new ExceptionDecisionBody(decision, reason), ct);
        if (!decided.Succeeded)
        {
            if (decided.Refusal.Kind == RefusalKind.NotFound)
            {
                return NotFound();
            }
            TempData["PolicyError"] = decided.Refusal.Message;
        }
        else
        {
            TempData["Notice"] = decided.Value.State == nameof(ExceptionState.Approved)
                ? text["The exception is approved: the request goes on."].Value
                : text["The exception is declined: the request is declined."].Value;
        }
        return Redirect($"/requests/{id}");
    }
}
