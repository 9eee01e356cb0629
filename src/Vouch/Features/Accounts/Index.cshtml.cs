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
    [BindProperty(SupportsGet = true)]
    public PageQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public AccountFilter Filter { get; set; } = new();

    public IReadOnlyList<Industry> Industries { get; private set; } = [];
    public IEnumerable<(string Code, string Name)> Countries => Catalog.Countries.All;
    public Paged<AccountSummary>? Results { get; private set; }
    public ValidationErrors? Errors { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
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
