import { chartToSvg } from '../../src/report/chartSvg';
import { chartTheme } from '../../src/renderer/chartTheme';
it('x', async () => {
  const svg = await chartToSvg({ spec: { data: { values: [{x:1,y:2},{x:10,y:20}] }, width: 'container', mark: {type:'line', point:true}, encoding: { x: {field:'x', type:'quantitative'}, y: {field:'y', type:'quantitative'} } }, droppedPoints: 0, fileName: 'a' }, chartTheme(() => '', 'vscode-light'));
  console.log(svg.slice(0, 200));
});
