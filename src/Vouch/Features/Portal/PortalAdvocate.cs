using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Portal;

/// <summary>
/// The contact the signed-in advocate is, read once per request. Every portal query filters by it, so another
/// advocate's record is never found (a 404), never refused (a 403).
/// </summary>
public sealed class PortalAdvocate(VouchDbContext db, CurrentUser user)
{
    private Guid? _contactId;
    private bool _read;

    /// <summary>The advocate's contact; none for a user no contact is linked to.</summary>
    public async Task<Guid?> ContactIdAsync(CancellationToken ct)
    {
        if (!_read)
        {
            var me = user.Id;
            _contactId = await db.Users.Where(u => u.Id == me).Select(u => u.ContactId).SingleOrDefaultAsync(ct);
            _read = true;
        }
        return _contactId;
    }
}
