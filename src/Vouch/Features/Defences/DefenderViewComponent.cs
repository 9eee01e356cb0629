using Microsoft.AspNetCore.Mvc;
using Vouch.Data;
using Microsoft.EntityFrameworkCore;

namespace Vouch.Features.Defences;

/// <summary>The contact page's "Defender" mark, with the defences behind it; nothing for a contact who never defended us.</summary>
public sealed class DefenderViewComponent(VouchDbContext db, DefenceLog log) : ViewComponent
{
    public sealed record Section(bool IsDefender, IReadOnlyList<DefendedResponse> Defended);

    public async Task<IViewComponentResult> InvokeAsync(Guid contactId)
    {
        var ct = HttpContext.RequestAborted;
        var isDefender = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => c.IsDefender).SingleOrDefaultAsync(ct);
        var defended = await log.DefendedByAsync(contactId, ct);
        return !isDefender && defended.Count == 0
            ? Content("")
            : View("/Features/Defences/_Defender.cshtml", new Section(isDefender, defended));
    }
}
