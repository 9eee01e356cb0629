using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Defences;

/// <summary>The defence form as the browser posts it; it becomes a <see cref="DefenceInput"/>, so the rules are the API's.</summary>
public sealed class DefenceForm
{
    public string? Where { get; set; }
    public string? Url { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public string? Topic { get; set; }
    public string? Severity { get; set; }
    public string? Summary { get; set; }

    public DefenceInput ToInput() => new(Where, Url, OccurredOn, Topic, Severity, Summary);
}

/// <summary>Logging a public attack or misrepresentation.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class NewModel(DefenceLog log, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public DefenceForm Form { get; set; } = new();
    public Refusal? Refusal { get; private set; }

    public void OnGet() => (Form.OccurredOn, Form.Severity) = (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), nameof(Severity.Medium));

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.SaveFormAsync(
        () => log.LogAsync(Form.ToInput(), user.Email, ct),
        defence => ($"/defences/{defence.Id}", text["The defence was logged. Add the customers who answered it."].Value),
        refusal =>
        {
            Refusal = refusal;
            return Task.FromResult<IActionResult>(Page());
        });
}
