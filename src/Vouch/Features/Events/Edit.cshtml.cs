using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Events;

/// <summary>Adding an event (no id) or editing one; a refused save shows the form again with what was typed and why.</summary>
[Authorize(Policy = EventsModule.ManageEvents)]
public sealed class EditModel(EventQueries queries, EventPlanner planner, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public EventForm Form { get; set; } = new() { Kind = nameof(EventKind.ProspectMixer), Capacity = 50 };
    public Guid? Id { get; private set; }
    public Refusal? Refusal { get; private set; }

    public IDictionary<string, string[]> Errors => Refusal?.Errors ?? new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await queries.FindAsync(existing, ct) is not { } found)
            {
                return NotFound();
            }
            Form = EventForm.From(found);
        }
        Id = id;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct) => this.SaveFormAsync(
        () => id is { } existing ? planner.UpdateAsync(existing, Form.ToInput(), ct) : planner.CreateAsync(Form.ToInput(), ct),
        saved => ($"/events/{saved.Id}", (id is null ? text["The event was added."] : text["The event was saved."]).Value),
        refusal =>
        {
            (Id, Refusal) = (id, refusal);
            return Task.FromResult<IActionResult>(Page());
        });
}
