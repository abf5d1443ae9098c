/** The text of the notebook `scaling.newNotebook` opens: a short tour of the cell language. */

// Interpolated so the fences do not have to be escaped inside the template literal.
const FENCE = '```';

export const STARTER_NOTEBOOK = `# Scaling notebook

A \`.scaling\` notebook is a Markdown file: prose like this, and \`scaling\` code cells that run.
Hover a keyword for help, and run a cell with Shift+Enter.

## Choose a scaling law

\`epoch\` is Epoch AI's 2024 refit of Chinchilla's data. Try \`law hoffmann2022\` or
\`law kaplan2020\` and rerun the cells below to see how much the answers depend on the law.

${FENCE}scaling
law epoch
${FENCE}

## Declare models and a budget

${FENCE}scaling
model gopher      params=280B tokens=300B
model chinchilla  params=70B  tokens=1.4T
budget cluster    gpus=2048 gpu=H100 days=60 mfu=40% price=$2.50/h
${FENCE}

## Ask

What is the compute-optimal model for the cluster?

${FENCE}scaling
optimal cluster
${FENCE}

Were Gopher and Chinchilla trained on enough tokens for their size?

${FENCE}scaling
check gopher, chinchilla
${FENCE}

## Plot

The loss frontier with both models marked, then loss against size at four fixed budgets.

${FENCE}scaling
plot frontier compute=1e18..1e26 models=gopher,chinchilla
plot isoflop compute=1e19,1e20,1e21,1e22
${FENCE}
`;
