using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Resources;

namespace Vouch.Features.Accounts;

/// <summary>Accounts and contacts deleted in the last 90 days, each with an Undo.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class DeletedModel(VouchDbContext db, AccountWrites accounts, ContactProfiles profiles, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public IReadOnlyList<DeletedRecord> Records { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Records = await db.RecentlyDeletedAsync(clock.GetUtcNow() - Window, ct);

    public async Task<IActionResult> OnPostUndoAsync(string? kind, Guid id, CancellationToken ct)
    {
        var isAccount = kind == "Account";
        var refusal = isAccount ? (await accounts.RestoreAsync(id, ct)).Refusal : (await profiles.RestoreAsync(id, ct)).Refusal;
        if (refusal is { Kind: RefusalKind.NotFound })
        {
            return NotFound();
        }
        if (refusal is not null)
        {
            Error = refusal.Message;
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Notice"] = (isAccount ? text["The account and the contacts deleted with it are back."] : text["The contact is back."]).Value;
        return Redirect(isAccount ? $"/accounts/{id}" : $"/contacts/{id}");
    }
}
