using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Discovery;

/// <summary>The three candidate lists, each score with its parts, and a way to nominate from them.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class CandidatesModel(CandidateLists lists, VouchDbContext db) : PageModel
{
    public const int PageSize = 25;

    public CandidateList List { get; private set; }
    public string? Segment { get; private set; }
    public string? Industry { get; private set; }
    public Paged<CandidateResponse> Results { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<(string Key, string Name)> Industries { get; private set; } = [];
    public Refusal? Refusal { get; private set; }
    public int QuietAfterDays => lists.Options.QuietAfterDays;

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] string? list, [FromQuery] string? segment, [FromQuery] string? industry, [FromQuery] int? page, CancellationToken ct)
    {
        (Segment, Industry) = (string.IsNullOrWhiteSpace(segment) ? null : segment, string.IsNullOrWhiteSpace(industry) ? null : industry);
        List = EnumText.ParseOrNull<CandidateList>(list) ?? CandidateList.Top;
        Industries = [.. (await db.Industries.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Key, i.Name }).ToListAsync(ct)).Select(i => (i.Key, i.Name))];
        var result = await lists.ListAsync(new PageQuery { Page = Math.Max(1, page ?? 1), PageSize = PageSize },
            new CandidateFilter { List = List.ToString(), Segment = Segment, Industry = Industry }, ct);
        if (result.Succeeded)
        {
            Results = result.Value;
        }
        else
        {
            Refusal = result.Refusal;
        }
    }

    public string LinkTo(CandidateList list) => QueryStringOf(("list", list.ToString()), ("segment", Segment), ("industry", Industry));

    private static string QueryStringOf(params (string Key, string? Value)[] values) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/candidates", values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value));
}
