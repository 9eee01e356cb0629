using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Features.Portal;
using Vouch.Resources;

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

    /// <summary>The balance in words, as <see cref="GiveAskBalance.Describe"/> says it in English, in the reader's language.</summary>
    public static string BalanceWords(BalanceResponse balance, IStringLocalizer<Strings> text)
    {
        var asked = balance.Asks switch
        {
            0 => text["asked nothing"],
            1 => text["asked once ({0} h)", balance.AskedHours.ToString("0.##")],
            _ => text["asked {0} times ({1} h)", balance.Asks, balance.AskedHours.ToString("0.##")],
        };
        var given = balance.Gives == 0 ? text["given nothing"] : text["given {0} ({1} h)", balance.Gives, balance.GivenHours.ToString("0.##")];
        return balance.WindowDays == ExchangeOptions.DefaultWindowDays
            ? text["{0}, {1} in the last year", asked, given]
            : text["{0}, {1} in the last {2} days", asked, given, balance.WindowDays];
    }
}
