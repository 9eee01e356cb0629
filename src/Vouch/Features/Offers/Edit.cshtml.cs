using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Offers;

/// <summary>Adding an offer (no id) as a draft, or editing one over the version read.</summary>
[Authorize(Policy = OffersModule.ManageOffers)]
public sealed class EditModel(VouchDbContext db, OfferQueries queries, OfferCatalogue catalogue, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public OfferForm Form { get; set; } = new();
    public OfferFormView View { get; private set; } = null!;
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await queries.FindAsync(existing, ct) is not { } offer)
            {
                return NotFound();
            }
            Form = OfferForm.From(offer);
        }
        else
        {
            Form.OpensOn = queries.Today;
            Form.ClosesOn = queries.Today.AddDays(30);
            Form.Capacity = 5;
        }
        return await ShowAsync(id, refusal: null, ct);
    }

    public Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct) => this.SaveFormAsync(
        () => id is { } existing ? catalogue.UpdateAsync(existing, Form.ToInput(), ct) : catalogue.CreateAsync(Form.ToInput(), ct),
        offer => ($"/offers/{offer.Id}", (id is null ? text["The offer was added as a draft. Open it when it is ready."] : text["The offer was saved."]).Value),
        refusal => ShowAsync(id, refusal, ct));

    private async Task<IActionResult> ShowAsync(Guid? id, Refusal? refusal, CancellationToken ct)
    {
        Id = id;
        View = new OfferFormView(Form, await db.Industries.AsNoTracking().OrderBy(i => i.Name).Select(i => i.Name).ToListAsync(ct), refusal);
        return Page();
    }
}
