using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Compilation;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// CPU-heavy preparation leaves the caller's scheduler free. A grain's scheduler runs one work item at a time, like the
/// exclusive scheduler used here: a call queued on it while a huge text is laid out runs during the layout.
/// </summary>
public sealed class CpuWorkTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_huge_text_layout_runs_off_the_callers_scheduler()
    {
        var cpu = fixture.Services.GetRequiredService<CpuWork>();
        var preparer = fixture.Services.GetRequiredService<MediaPreparer>();
        var text = string.Join(' ', Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", 400));
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1, "layers": [{"type": "text", "text": "${text}", "width": 320, "height": 180, "fontSize": 40}]}]}
            """, new Dictionary<string, string> { ["text"] = text });
        var work = Directory.CreateTempSubdirectory("cpu-work-").FullName;
        var grainLike = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var factory = new TaskFactory(grainLike);

        var prepare = await factory.StartNew(() => preparer.PrepareAsync(timeline, EngineFixture.Project, new FrameRange(0, 25), work, CancellationToken.None));
        // Calls queued on the scheduler until one sees the layout under way (the preparation's first steps before the
        // layout, such as fonts, may also let a call in) or the preparation ends.
        var (layoutRunning, prepared) = (0, false);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); layoutRunning == 0 && !prepared && DateTime.UtcNow < deadline; await Task.Delay(1))
        {
            (layoutRunning, prepared) = await factory.StartNew(() => (cpu.Running, prepare.IsCompleted));
        }

        Assert.False(prepared, "the layout takes long enough to observe");
        Assert.Equal(1, layoutRunning);
        Assert.Single(await prepare);
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task Steps_beyond_the_worker_count_wait_for_a_free_worker()
    {
        using var cpu = new CpuWork(1);
        using var release = new ManualResetEventSlim();
        var first = cpu.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);
        var second = cpu.RunAsync(() => cpu.Running, CancellationToken.None);
        while (cpu.Running == 0)
        {
            await Task.Delay(10);
        }

        Assert.False(second.IsCompleted);
        release.Set();
        Assert.True(await first);
        Assert.Equal(1, await second);
    }
}
