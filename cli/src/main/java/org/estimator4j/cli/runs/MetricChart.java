package org.estimator4j.cli.runs;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.estimator4j.store.MetricPoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws metric histories as one PNG line chart (step on x), with AWT headless: no display needed. */
final class MetricChart {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    private MetricChart() {}

    static void writePng(Path file, String title, Map<String, List<MetricPoint>> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((key, points) -> {
            XYSeries s = new XYSeries(key, false, true);
            points.forEach(p -> s.add(p.step(), p.value()));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "step", "value", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
