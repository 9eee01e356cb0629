using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Digest;

/// <summary>The monthly digest a contact would get now, as the reference team checks it before it goes.</summary>
public sealed class PreviewModel(AdvocateDigests digests, VouchDbContext db) : PageModel
{
    public Guid ContactId { get; private set; }
    public string Name { get; private set; } = "";
    public DigestLetter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var name = await db.Contacts.Where(c => c.Id == id).Select(c => c.FirstName + " " + c.LastName).SingleOrDefaultAsync(ct);
        if (name is null || await digests.PreviewAsync(id, ct) is not { } letter)
        {
            return NotFound();
        }
        (ContactId, Name, Letter) = (id, name, letter);
        return Page();
    }
}
