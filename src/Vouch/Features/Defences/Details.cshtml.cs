using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;

namespace Vouch.Features.Defences;

/// <summary>One defence and its defenders; the reference team adds the customers who answered.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(VouchDbContext db, DefenceLog log, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>How many contacts the form offers, promoters and advocates first.</summary>
    public const int ContactsOffered = 300;

    public DefenceDetails Defence { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Contacts { get; private set; } = [];
    public bool MayManage { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostDefenderAsync(Guid id, Guid? contactId, DateOnly? answeredOn, string? answerUrl, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var result = await log.AddDefenderAsync(id, new DefenderInput(contactId, answeredOn, answerUrl), ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = text["{0} is a defender: the answer is in their ledger.", result.Value.Contact].Value;
            return Redirect($"/defences/{id}");
        }
        if (result.Refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Error = result.Refusal.Message;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await log.FindAsync(id, ct) is not { } defence)
        {
            return NotFound();
        }
        Defence = defence;
        MayManage = await user.MayAsync(Policies.ManageInventory);
        if (MayManage)
        {
            var answered = defence.Defenders.Select(r => r.ContactId).ToList();
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => !answered.Contains(c.Id))
                .OrderByDescending(c => c.IsDefender).ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
                .Take(ContactsOffered)
                .Select(c => new { c.Id, c.FirstName, c.LastName, Account = c.Account!.Name })
                .ToListAsync(ct);
            Contacts = [.. contacts.Select(c => (c.Id, $"{c.FirstName} {c.LastName} ({c.Account})"))];
        }
        return Page();
    }
}
