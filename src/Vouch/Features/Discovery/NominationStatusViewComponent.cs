using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Discovery;

/// <summary>
/// A contact's place in discovery, on their page: their discovery score, being recruited (since when, nominated by
/// whom) or nominated, and a Nominate button while they may be nominated.
/// </summary>
public sealed class NominationStatusViewComponent(VouchDbContext db, Nominations nominations, CandidateLists lists) : ViewComponent
{
    public sealed record Status(Guid ContactId, CandidateResponse? Candidate, NominationResponse? Nomination, bool MayNominate);

    public async Task<IViewComponentResult> InvokeAsync(Guid contactId)
    {
        var ct = HttpContext.RequestAborted;
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return Content("");
        }
        var candidate = (await lists.DescribeAsync([contactId], ct)).SingleOrDefault();
        var nomination = await nominations.CurrentOfAsync(contactId, ct);
        var mayNominate = await nominations.WhyNotNominated(contact, ct) is null;
        return View("/Features/Discovery/_NominationStatus.cshtml", new Status(contactId, candidate, nomination, mayNominate));
    }
}
