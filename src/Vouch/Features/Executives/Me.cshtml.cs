using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Executives;

/// <summary>An executive's own page: progress toward their yearly target, a form to log a conversation, their latest and their open follow-ups.</summary>
[Authorize(Policy = ExecutivesModule.LogConversations)]
public sealed class MeModel(ExecutiveProgram program, VouchDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    public sealed record ContactOption(Guid Id, string Name);

    public MyConversations Mine { get; private set; } = null!;
    public IReadOnlyList<ContactOption> Contacts { get; private set; } = [];
    public Guid? AccountId { get; private set; }
    public ConversationInput? Typed { get; private set; }
    public Refusal? Refusal { get; private set; }
    public DateOnly Today => program.Today;

    public Task<IActionResult> OnGetAsync(Guid? accountId, CancellationToken ct) => ShowAsync(accountId, ct);

    public async Task<IActionResult> OnPostAsync(
        Guid? accountId, Guid? contactId, DateOnly? heldOn, string? channel, int? minutes, string? productUse, string? value, string? sentiment,
        string? feeling, string? learned, string? followUps, CancellationToken ct)
    {
        var typed = new ConversationInput(contactId, heldOn, channel, minutes, productUse, value, sentiment, feeling, learned, followUps);
        return await this.SaveFormAsync(
            () => program.LogAsync(typed, ct),
            c => ("/executives/me", text["Your conversation with {0} of {1} is logged.", c.Contact, c.Account].Value),
            async refusal =>
            {
                (Typed, Refusal) = (typed, refusal);
                return await ShowAsync(accountId, ct);
            });
    }

    public Task<IActionResult> OnPostDoneAsync(Guid id, CancellationToken ct) => this.SaveFormAsync(
        () => program.FollowUpsDoneAsync(id, ct),
        c => ("/executives/me", text["The follow-ups of your conversation with {0} are done.", c.Contact].Value),
        async refusal =>
        {
            Refusal = refusal;
            return await ShowAsync(null, ct);
        });

    private async Task<IActionResult> ShowAsync(Guid? accountId, CancellationToken ct)
    {
        AccountId = accountId;
        Mine = await program.MineAsync(ct);
        // The customers an executive talks to: those of the accounts they sponsor and those they talked to before, read
        // through the sponsor and conversation indexes (never a scan of every contact); any other account's page links here
        // with its id.
        var me = Mine.Progress.ExecutiveId;
        var contacts = db.Contacts.AsNoTracking();
        if (accountId is { } id)
        {
            contacts = contacts.Where(c => c.AccountId == id);
        }
        else
        {
            var sponsored = await db.Set<ExecutiveSponsor>().Where(s => s.ExecutiveId == me).Select(s => s.AccountId).ToListAsync(ct);
            var talkedTo = await db.Set<ExecutiveConversation>().Where(c => c.ExecutiveId == me)
                .OrderByDescending(c => c.HeldOn).Select(c => c.ContactId).Take(200).ToListAsync(ct);
            contacts = contacts.Where(c => sponsored.Contains(c.AccountId) || talkedTo.Contains(c.Id));
        }
        Contacts = await contacts
            .OrderBy(c => c.Account!.Name).ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Take(500)
            .Select(c => new ContactOption(c.Id, c.FirstName + " " + c.LastName + " (" + c.Account!.Name + ")"))
            .ToListAsync(ct);
        return Page();
    }
}
