using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;

namespace Vouch.Features.Accounts;

/// <summary>Accounts and contacts deleted in the last 90 days, each with an Undo.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class DeletedModel(VouchDbContext db, ContactProfiles profiles, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public IReadOnlyList<DeletedRecord> Records { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Records = await db.RecentlyDeletedAsync(clock.GetUtcNow() - Window, ct);

    public async Task<IActionResult> OnPostUndoAsync(string? kind, Guid id, CancellationToken ct)
    {
        if (kind == "Account")
        {
            if (!await db.RestoreAccountAsync(id, ct))
            {
                return NotFound();
            }
            TempData["Notice"] = "The account and the contacts deleted with it are back.";
            return Redirect($"/accounts/{id}");
        }
        var (found, refusal) = await profiles.RestoreAsync(id, ct);
        if (!found)
        {
            return NotFound();
        }
        if (refusal is not null)
        {
            Error = refusal;
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Notice"] = "The contact is back.";
        return Redirect($"/contacts/{id}");
    }
}
