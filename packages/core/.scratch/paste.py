import re,sys,subprocess
out=subprocess.run(['npx','tsx','scripts/fit-backends.ts'],capture_output=True,text=True).stdout
print(out)
tab=out[out.index('export const backendDefaults'):out.index('};',out.index('export const backendDefaults'))+2]
sh=dict(re.findall(r'(\w+) ([\d.e-]+)', out[out.index('shared:'):]))
p='src/speed/backend-defaults.ts'
s=open(p).read()
start=s.index("export const backendDefaults")
end=s.index("};",start)+2
s=s[:start]+tab+s[end:]
for k in ['moeLayerFactor','kvEtaRatio','kvEtaRatioNoFlash','hbmEtaFactor','moePrefillFactor']:
    s=re.sub(r'(  %s: )[\d.e-]+,'%k, r'\g<1>%s,'%sh[k], s)
open(p,'w').write(s)
