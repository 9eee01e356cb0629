using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Features.Portal;

namespace Vouch.Features.Engagements;

/// <summary>The advocate's own history: what they did for us and what they received, with their balance.</summary>
[Authorize(Policy = Policies.AdvocatePortal)]
public sealed class HistoryModel(PortalAdvocate advocate, LedgerEntries entries, Ledger ledger) : PageModel
{
    public HistoryResponse History { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        History = await advocate.ContactIdAsync(ct) is { } contactId
            ? await entries.HistoryAsync(contactId, ct)
            : new HistoryResponse([], BalanceResponse.Of(ledger.EmptyBalance, ledger.Options.OwedAfterHours));
}
