using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.BuyerJourney;

/// <summary>The buyer-journey survey of a closed deal: what influenced its buyer, the one that mattered most, and at which stage.</summary>
[Authorize(Policy = RequestsModule.RequestReferences)]
public sealed class AnswerModel(BuyerJourneys journeys, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    public sealed class JourneyForm
    {
        public List<string> Influences { get; set; } = [];
        public string? MatteredMost { get; set; }
        public string? Stage { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public JourneyForm Form { get; set; } = new();

    public Opportunity Deal { get; private set; } = null!;
    public Refusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => this.SaveFormAsync(
        () => journeys.AnswerAsync(id, new BuyerJourneyBody(Form.Influences, Form.MatteredMost, Form.Stage, Form.Note), ct),
        _ => ($"/opportunities/{id}", text["What influenced the buyer is recorded."].Value),
        async refusal =>
        {
            Refusal = refusal;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        });

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var access = await OpportunityAccess.OfAsync(user);
        var deal = await access.Visible(db.Opportunities.AsNoTracking()).Include(o => o.Account).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (deal is null)
        {
            return false;
        }
        Deal = deal;
        return true;
    }
}
