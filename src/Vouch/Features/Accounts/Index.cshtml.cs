using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Web;

namespace Vouch.Features.Accounts;

[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(VouchDbContext db) : PageModel
{
    public PageQuery Query { get; private set; } = new();
    public AccountFilter Filter { get; private set; } = new();

    public IReadOnlyList<Industry> Industries { get; private set; } = [];
    public IEnumerable<(string Code, string Name)> Countries => Catalog.Countries.All;
    public Paged<AccountSummary>? Results { get; private set; }
    public ValidationErrors? Errors { get; private set; }

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] PageQuery query, [FromQuery] AccountFilter filter, CancellationToken ct)
    {
        (Query, Filter) = (query, filter);
        Industries = await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        var errors = new ValidationErrors();
        Query.Validate(errors);
        Filter.Validate(errors);
        if (errors.IsEmpty)
        {
            Results = await db.SearchAsync(Query with { PageSize = 25 }, Filter, ct);
        }
        else
        {
            Errors = errors;
        }
    }
}
