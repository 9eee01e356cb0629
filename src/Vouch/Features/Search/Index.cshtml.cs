using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Catalog;
using Vouch.Web;

namespace Vouch.Features.Search;

/// <summary>
/// Sellers find references: a filter form that works as a plain GET, and with htmx the results
/// and their count follow each change without a full page load.
/// </summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(VouchDbContext db, ReferenceFinder finder, TimeProvider clock, CurrentUser user) : PageModel
{
    public const int PageSize = 25;

    public ReferenceFilter Filter { get; private set; } = new();
    public IReadOnlyList<Industry> Industries { get; private set; } = [];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<ActivityType> Activities { get; private set; } = [];
    public IEnumerable<(string Code, string Name)> Countries => Catalog.Countries.All;
    public Paged<ReferenceSummary>? Results { get; private set; }
    public ValidationErrors? Errors { get; private set; }
    public bool MayExport { get; private set; }

    /// <summary>The size bands' first employee counts, and a range typed into the address kept as it is.</summary>
    public IEnumerable<int> SizesFrom => SearchFacets.SizeBands.Where(b => b > 0).Append(Filter.EmployeesMin ?? 1).Distinct().Order();

    /// <summary>The size bands' last employee counts, and a range typed into the address kept as it is.</summary>
    public IEnumerable<int> SizesTo =>
        SearchFacets.SizeBands.Where(b => b > 1).Select(b => b - 1).Append(Filter.EmployeesMax ?? 10).Distinct().Order();

    /// <summary>The current filter as a query string, for the export links.</summary>
    public string FilterQuery => QueryHelpers.AddQueryString("", Request.Query
        .Where(q => q.Key != "page" && !string.IsNullOrWhiteSpace(q.Value))
        .ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task<IActionResult> OnGetAsync([FromQuery] ReferenceFilter filter, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Filter = filter;
        MayExport = await user.MayAsync(ReferencesModule.ExportReferences);
        var errors = new ValidationErrors();
        var pageNumber = page ?? 1;
        if (pageNumber < 1)
        {
            errors.Add("page", "page must be 1 or more.");
        }
        var criteria = await filter.ResolveAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors, ct);
        if (criteria is null || !errors.IsEmpty)
        {
            Errors = errors;
        }
        else
        {
            Results = await finder.SearchAsync(criteria, pageNumber, PageSize, ct);
        }
        // htmx asks for the results alone as the filters change.
        if (Request.Headers["HX-Request"] == "true" && Request.Headers["HX-Target"] == "results")
        {
            return Partial("_Results", this);
        }
        Industries = await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        Products = await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        Activities = await db.ActivityTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
        return Page();
    }
}
