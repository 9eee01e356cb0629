using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Web;

namespace Vouch.Features.Content;

/// <summary>The content library: search and filters for everyone; every state and what expires soon for managers.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(ContentLibrary library, VouchDbContext db, CurrentUser user) : PageModel
{
    /// <summary>The window of the "expiring soon" view.</summary>
    public const int ExpiringSoonDays = 30;

    public PageQuery Query { get; private set; } = new();
    public ContentFilter Filter { get; private set; } = new();
    public ContentReader Reader { get; private set; } = null!;
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<Industry> Industries { get; private set; } = [];
    public Paged<ContentSummary>? Results { get; private set; }
    public ValidationErrors? Errors { get; private set; }
    public bool ExpiringView => Filter.ExpiringWithinDays == ExpiringSoonDays;

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] PageQuery query, [FromQuery] ContentFilter filter, CancellationToken ct)
    {
        (Query, Filter, Reader) = (query, filter, await ContentReader.OfAsync(user));
        Products = await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        Industries = await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        var errors = new ValidationErrors();
        Query.Validate(errors);
        ContentLibrary.Validate(Filter, errors);
        if (errors.IsEmpty)
        {
            Results = await library.SearchAsync(Reader, Query with { PageSize = 25 }, Filter, ct);
        }
        else
        {
            Errors = errors;
        }
    }
}
