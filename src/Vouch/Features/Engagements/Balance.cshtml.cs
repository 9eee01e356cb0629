using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Engagements;

/// <summary>The "Owed a give" report: advocates asked much more than given, owed first by hours owed.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class BalanceModel(LedgerEntries entries, Ledger ledger) : PageModel
{
    public Paged<OwedAdvocate> Results { get; private set; } = null!;
    public bool OwedOnly { get; private set; }
    public ExchangeOptions Options => ledger.Options;

    public async Task<IActionResult> OnGetAsync(int? page, bool owedOnly, CancellationToken ct)
    {
        OwedOnly = owedOnly;
        var report = await entries.OwedReportAsync(new PageQuery { Page = page }, owedOnly, ct);
        if (!report.Succeeded)
        {
            return BadRequest();
        }
        Results = report.Value;
        return Page();
    }
}
