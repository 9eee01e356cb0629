using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Catalog;
using Vouch.Features.Opportunities;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Requests;

/// <summary>What the request form sends: the API's body, flat, as a form posts it.</summary>
public sealed class RequestForm
{
    public Guid? OpportunityId { get; set; }
    public string? ActivityType { get; set; } = "reference-call";
    public DateOnly? NeededBy { get; set; }
    public string? UseCase { get; set; }
    public Guid? IndustryId { get; set; }
    public List<Guid> ProductIds { get; set; } = [];
    public string? Region { get; set; }
    public string? CountryCode { get; set; }
    public int? Employees { get; set; }
    public string? Competitor { get; set; }

    public void Prefill(CriteriaBody criteria)
    {
        (IndustryId, ProductIds, Region, CountryCode, Employees, Competitor) =
            (criteria.IndustryId, [.. criteria.ProductIds ?? []], criteria.Region, criteria.CountryCode, criteria.Employees, criteria.Competitor);
    }

    public CreateRequestBody ToBody() => new(
        ActivityType, NeededBy, OpportunityId,
        new CriteriaBody(IndustryId, ProductIds, Blank(Region), Blank(CountryCode), Employees, Blank(Competitor)),
        UseCase);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Asking for a reference: from one of the seller's deals, with the criteria prefilled from it and editable, or for a
/// campaign without a deal. Refused input is shown next to its field and kept.
/// </summary>
[Authorize(Policy = RequestsModule.RequestReferences)]
public sealed class NewModel(VouchDbContext db, RequestWorkflow workflow, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public RequestForm Form { get; set; } = new();

    public Opportunity? Opportunity { get; private set; }
    public IReadOnlyList<ActivityType> Activities { get; private set; } = [];
    public IReadOnlyList<Industry> Industries { get; private set; } = [];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid? opportunity, CancellationToken ct)
    {
        Form.OpportunityId = opportunity;
        Form.NeededBy = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(14);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Opportunity is { } deal)
        {
            Form.Prefill(CriteriaBody.FromDeal(deal));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = ModelState.BindingErrors();
        if (errors.IsEmpty)
        {
            var created = await workflow.CreateAsync(await RequestActor.OfAsync(user), Form.ToBody(), ct);
            if (created.Succeeded)
            {
                TempData["Notice"] = text["Your request is in. The advocates who fit are below."].Value;
                return Redirect($"/requests/{created.Value}");
            }
            Errors = created.Refusal.Errors ?? new Dictionary<string, string[]> { [""] = [created.Refusal.Message] };
        }
        else
        {
            Errors = errors.ToDictionary();
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The messages for a field, whether the API named it (<c>criteria.region</c>) or the form did (<c>region</c>).</summary>
    public IEnumerable<string> MessagesFor(string field) =>
        Errors.Where(e => e.Key == field || e.Key == "criteria." + field).SelectMany(e => e.Value);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Form.OpportunityId is { } id)
        {
            var access = await OpportunityAccess.OfAsync(user);
            Opportunity = await access.Visible(db.Opportunities.AsNoTracking().AsSplitQuery())
                .Include(o => o.Account!).ThenInclude(a => a.Products).Include(o => o.Products)
                .SingleOrDefaultAsync(o => o.Id == id, ct);
            if (Opportunity is null)
            {
                return false;
            }
        }
        Activities = await db.ActivityTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
        Industries = await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        Products = await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        return true;
    }
}
