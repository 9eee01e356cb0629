using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;

namespace Vouch.Features.Referrals;

/// <summary>The contact's or the account's referrals: how many, how many won, the conversion rate and the won revenue.</summary>
public sealed class ReferralStatsViewComponent(ReferralQueries queries, CurrentUser user) : ViewComponent
{
    public sealed record Section(ReferralStats Stats, string ListLink, Guid? ContactId, bool MayRecord);

    /// <summary>Give <paramref name="contactId"/> for an advocate's referrals, or <paramref name="accountId"/> for an account's.</summary>
    public async Task<IViewComponentResult> InvokeAsync(Guid? contactId = null, Guid? accountId = null)
    {
        var ct = HttpContext.RequestAborted;
        var (stats, link) = contactId is { } contact
            ? (await queries.OfAdvocateAsync(contact, ct), $"/referrals?referrerContactId={contact}")
            : (await queries.OfAccountAsync(accountId ?? Guid.Empty, ct), $"/referrals?accountId={accountId}");
        return View("/Features/Referrals/_ReferralStats.cshtml", new Section(stats, link, contactId, await user.MayAsync(Policies.ManageInventory)));
    }
}
