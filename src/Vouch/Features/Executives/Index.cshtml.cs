using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Executives;

/// <summary>The program: each executive's conversations against their target, who is behind, and the themes that repeat; admins set targets.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class IndexModel(ExecutiveProgram program, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    public IReadOnlyList<ExecutiveProgressResponse> Progress { get; private set; } = [];
    public IReadOnlyList<ThemeResponse> Themes { get; private set; } = [];

    /// <summary>The conversations the themes name, by id, to link them with who and whom.</summary>
    public IReadOnlyDictionary<Guid, string> ThemeConversations { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<ConversationResponse> Latest { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostTargetAsync(Guid executiveId, int? conversationsPerYear, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.Administer))
        {
            return Forbid();
        }
        return await this.SaveFormAsync(
            () => program.SetTargetAsync(executiveId, new TargetInput(conversationsPerYear), ct),
            p => ("/executives", text["{0}'s target is {1} conversations a year.", p.Executive, p.Target].Value),
            async refusal =>
            {
                Refusal = refusal;
                return await ShowAsync(ct);
            });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Progress = (await program.ProgressAsync(null, ct)).Value!;
        Themes = (await program.ThemesAsync(null, ct)).Value!;
        var ids = Themes.SelectMany(t => t.ConversationIds).Distinct().ToList();
        ThemeConversations = await db.Set<ExecutiveConversation>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.Contact!.FirstName + " " + c.Contact.LastName + " (" + c.Account!.Name + ")" })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Latest = (await program.ListAsync(new PageQuery { PageSize = 20 }, new ConversationFilter(), ct)).Value!.Items;
        IsAdmin = await user.MayAsync(Policies.Administer);
        return Page();
    }
}
