using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Models;
using Orleans.Runtime;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>The queue's keep-alive reminder follows its work while enqueues and removals interleave.</summary>
public sealed class RenderQueueReminderTests(QueueClusterFixture fixture) : IClassFixture<QueueClusterFixture>
{
    // No silo serves this pool, so nothing is admitted and every entry waits until it is removed.
    private IRenderQueueGrain Queue => fixture.Grains.GetGrain<IRenderQueueGrain>("no-silos");

    [Fact]
    public async Task Interleaved_enqueues_and_removals_all_succeed_and_leave_a_reminder_exactly_while_work_waits()
    {
        // Each worker adds and removes its own entries in turn, so one call's removal meets another's enqueue.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var round = 0; round < 15; round++)
            {
                var entry = new QueueEntry($"race-{worker}-{round}", "mp4", $"project-{worker}", DateTimeOffset.UtcNow);
                await Queue.EnqueueAsync(entry);
                await Task.Delay(Random.Shared.Next(0, 5));
                await Queue.RemoveTokenAsync(entry.Token);
            }
        }));

        var afterBursts = await KeepAliveAsync();
        await Queue.EnqueueAsync(new QueueEntry("race-last", "mp4", "project-last", DateTimeOffset.UtcNow));
        var whileWaiting = await KeepAliveAsync();
        await Queue.RemoveTokenAsync("race-last");

        Assert.Null(afterBursts);
        Assert.NotNull(whileWaiting);
        Assert.Null(await KeepAliveAsync());
    }

    private Task<ReminderEntry?> KeepAliveAsync() =>
        fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IReminderTable>()
            .ReadRow(GrainId.Create("render-queue", "no-silos"), "keep-alive")!;
}
