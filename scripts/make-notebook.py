"""Writes and executes notebooks-output/example.ipynb: loading a run's CSV files with pandas and
redrawing a fan chart with matplotlib, with its outputs saved. Run by
scripts/regenerate-notebooks-output in a Python environment with pandas, matplotlib, nbformat,
nbclient and ipykernel (the script makes one)."""
import sys
import nbformat
from nbclient import NotebookClient

cells = [
    nbformat.v4.new_markdown_cell(
        "# Taking Sufficiency's results further\n\n"
        "Every run writes plain CSV files. This notebook loads the Wiltshire home care results in "
        "`wiltshire-home-care/` with pandas, compares the options over the whole run, and redraws the "
        "report's fan chart of unmet need from `bands.csv`. Run it from the `notebooks-output` folder."),
    nbformat.v4.new_code_cell(
        "import pandas as pd\n"
        "import matplotlib.pyplot as plt\n\n"
        "folder = 'wiltshire-home-care'\n"
        "summary = pd.read_csv(f'{folder}/summary.csv')\n"
        "bands = pd.read_csv(f'{folder}/bands.csv', parse_dates=['period_start'])\n"
        "summary.shape, bands.shape"),
    nbformat.v4.new_markdown_cell(
        "## The options over the whole run\n\nOne row per option, window, zone and measure: mean, "
        "standard deviation and 95% confidence interval across replications."),
    nbformat.v4.new_code_cell(
        "whole = summary[(summary.window == 'horizon') & (summary.zone == 'all')]\n"
        "table = whole[whole.measure.isin(['spend', 'unmet_hours', 'provider_exits', 'care_workers'])]\n"
        "table.pivot(index='measure', columns='option', values='mean').round(1)"),
    nbformat.v4.new_markdown_cell(
        "## A fan chart of unmet need\n\n`bands.csv` holds the 5th, 25th, 50th, 75th and 95th "
        "percentiles across replications, period by period: the median as a line, the middle half and "
        "90% of outcomes as bands (colours from the Okabe–Ito palette, as in the report)."),
    nbformat.v4.new_code_cell(
        "colours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7']\n"
        "unmet = bands[bands.measure == 'unmet_hours']\n"
        "fig, ax = plt.subplots(figsize=(9, 4.5))\n"
        "for colour, (option, rows) in zip(colours, unmet.groupby('option', sort=False)):\n"
        "    ax.fill_between(rows.period_start, rows.p05, rows.p95, color=colour, alpha=0.15, linewidth=0)\n"
        "    ax.fill_between(rows.period_start, rows.p25, rows.p75, color=colour, alpha=0.3, linewidth=0)\n"
        "    ax.plot(rows.period_start, rows.p50, color=colour, label=option)\n"
        "ax.set_ylabel('hours a week')\n"
        "ax.set_ylim(bottom=0)\n"
        "ax.set_title('Unmet need by quarter: median, 50% and 90% of replications')\n"
        "ax.legend(frameon=False)\n"
        "fig.tight_layout()\n"
        "plt.show()"),
    nbformat.v4.new_markdown_cell(
        "## Differences that are not noise\n\n`comparison.csv` pairs the options replication by "
        "replication (the same people and shocks under each), so its intervals are narrower than the "
        "two means' own."),
    nbformat.v4.new_code_cell(
        "comparison = pd.read_csv(f'{folder}/comparison.csv')\n"
        "c = comparison[(comparison.window == 'horizon') & (comparison.zone == 'all') "
        "& comparison.measure.isin(['spend', 'unmet_hours'])]\n"
        "c[['option_a', 'option_b', 'measure', 'mean_difference', 'ci95_low', 'ci95_high', 'share_b_better']]"),
]
notebook = nbformat.v4.new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"}})
path = sys.argv[1]
NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(notebook, path)
print(f"wrote {path}")
