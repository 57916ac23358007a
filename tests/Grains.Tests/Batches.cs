using Orleans.Render.Models;
using Orleans.Render.Models.Batches;

namespace Orleans.Render.Grains.Tests;

/// <summary>Batches of tiny tasks for the batch grain tests.</summary>
internal static class Batches
{
    /// <summary>One second at 5 fps of 320x180 showing the <c>name</c> param: five frames, a fraction of a second to render.</summary>
    public const string Tiny = """
        {"width": 320, "height": 180, "fps": 5, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [{"type": "text", "text": "${name}", "fontSize": 40}]}]}
        """;

    /// <summary>A task rendering <paramref name="movie"/> (a name in the batch's movies) as an mp4 with <c>name</c> set.</summary>
    public static BatchTask Task(string name, string movie = "tiny") =>
        new(new RenderRequest("project", new Dictionary<string, string> { ["*"] = movie }, new Dictionary<string, string> { ["name"] = name }, 1, "default"), "mp4", []);

    /// <summary>A new batch holding <paramref name="tasks"/>, added in calls of <paramref name="perCall"/>, with <paramref name="movie"/> as the document of <c>tiny</c>.</summary>
    public static async Task<IBatchGrain> CreateAsync(IGrainFactory grains, int? window, IReadOnlyList<BatchTask> tasks, string movie = Tiny, int perCall = 1000)
    {
        var batch = grains.GetGrain<IBatchGrain>(Guid.NewGuid().ToString("N"));
        await batch.CreateAsync(new BatchSettings("project", "default", window, TimeSpan.FromHours(1)));
        foreach (var chunk in tasks.Chunk(perCall))
        {
            var update = await batch.AddTasksAsync(chunk, new Dictionary<string, string> { ["tiny"] = movie });
            if (update.ErrorCode is not null)
            {
                throw new InvalidOperationException(update.Message);
            }
        }

        return batch;
    }

    /// <summary>Polls the batch until <paramref name="until"/> holds (or two minutes pass), showing each look to <paramref name="seen"/>.</summary>
    public static async Task<BatchInfo> WaitAsync(IBatchGrain batch, Func<BatchInfo, bool> until, Action<BatchInfo>? seen = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var info = (await batch.GetInfoAsync())!;
            seen?.Invoke(info);
            if (until(info) || DateTime.UtcNow > deadline)
            {
                return info;
            }

            await System.Threading.Tasks.Task.Delay(20);
        }
    }

    public static bool HasEnded(BatchInfo info) => info.Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled && info.Running == 0;
}
