using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Discovery;

/// <summary>The nominations, open ones first by default; the reference team accepts or declines them here.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(Nominations nominations, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public const int PageSize = 25;

    public NominationState? State { get; private set; }
    public Paged<NominationResponse> Results { get; private set; } = new([], 0, 1, PageSize);
    public bool MayDecide { get; private set; }

    /// <summary>The nomination a refused decision was about, and why it was refused.</summary>
    public (Guid Id, Refusal Refusal)? Refused { get; private set; }

    public async Task OnGetAsync([FromQuery] string? state, [FromQuery] int? page, CancellationToken ct) => await ShowAsync(state, page, ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, string? note, Guid? version, CancellationToken ct) =>
        DecideAsync(id, () => nominations.AcceptAsync(id, new NominationDecision(note, version), ct),
            contact => text["The nomination of {0} was accepted: the contact is being recruited.", contact], ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? note, Guid? version, CancellationToken ct) =>
        DecideAsync(id, () => nominations.DeclineAsync(id, new NominationDecision(note, version), ct),
            contact => text["The nomination of {0} was declined.", contact], ct);

    private async Task<IActionResult> DecideAsync(Guid id, Func<Task<CommandResult<NominationResponse>>> decide, Func<string, LocalizedString> notice, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var decided = await decide();
        if (decided.Succeeded)
        {
            TempData["Notice"] = notice(decided.Value.Contact).Value;
            return Redirect("/nominations");
        }
        if (decided.Refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Refused = (id, decided.Refusal);
        await ShowAsync(nameof(NominationState.Proposed), 1, ct);
        return Page();
    }

    private async Task ShowAsync(string? state, int? page, CancellationToken ct)
    {
        MayDecide = await user.MayAsync(Policies.ManageInventory);
        // Open nominations unless another state, or every state ("all"), is asked for.
        State = state == "all" ? null : EnumText.ParseOrNull<NominationState>(state) ?? NominationState.Proposed;
        var listed = await nominations.ListAsync(new PageQuery { Page = Math.Max(1, page ?? 1), PageSize = PageSize },
            new NominationFilter { State = State?.ToString() }, ct);
        Results = listed.Succeeded ? listed.Value : Results;
    }
}
